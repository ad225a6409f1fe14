namespace CaseManagement.Application.Notifications;

/// <summary>
/// The one shape of every notification e-mail: Welsh first, then English, each with how to see the thing (a link when
/// the service's address is known), and the do-not-reply footer in both languages.
/// </summary>
public static class BilingualEmail
{
    public static (string Subject, string Body) Compose(string subjectCy, string subjectEn, string textCy, string textEn, string? link)
    {
        var signInCy = link is null ? "Mewngofnodwch i'w weld." : $"Mewngofnodwch i'w weld: {link}";
        var signInEn = link is null ? "Sign in to see it." : $"Sign in to see it: {link}";
        var body = $"""
            {textCy}
            {signInCy}

            {textEn}
            {signInEn}

            --
            Neges awtomatig yw hon gan y system rheoli achosion atal ieuenctid; peidiwch ag ateb.
            This is an automatic message from the youth prevention case management system; do not reply.
            """;
        return ($"{subjectCy} / {subjectEn}", body);
    }
}
