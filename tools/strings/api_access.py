"""Strings of API sign-in (English, Welsh): what a token request or an API request is told when the account must
first be put right on the website. Read by tools/resources.py."""

T = {
    "Api.ChangePasswordFirst": (
        "Choose your own password before using the API.",
        "Dewiswch eich cyfrinair eich hun cyn defnyddio'r API.",
    ),
    "Api.ChangePasswordFirstDetail": (
        "You were given a temporary password. Sign in on the website and choose your own password at {0}, then ask for a token again.",
        "Cawsoch gyfrinair dros dro. Mewngofnodwch ar y wefan a dewiswch eich cyfrinair eich hun yn {0}, yna gofynnwch am docyn eto.",
    ),
    "Api.TwoFactorFirst": (
        "Set up two-factor sign-in before using the API.",
        "Gosodwch fewngofnodi dau gam cyn defnyddio'r API.",
    ),
    "Api.TwoFactorFirstDetail": (
        "Your role needs two-factor sign-in. Sign in on the website and set it up at {0}, then ask for a token with a code from your authenticator app.",
        "Mae angen mewngofnodi dau gam ar gyfer eich rôl. Mewngofnodwch ar y wefan a'i osod yn {0}, yna gofynnwch am docyn gyda chod o'ch ap dilysu.",
    ),
}
