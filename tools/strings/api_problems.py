"""The titles and details of the API's problem documents, keyed by their English words (docs/decisions/0070): a client
that asks for Welsh (Accept-Language: cy) reads them in Welsh. Read by tools/resources.py."""

VALIDATION = {
    # The app's own titles (Web/Hosting: ApiExceptionHandler, the rate limiter, the client scopes, the HTTPS guard).
    "The request has errors.": "Mae gwallau yn y cais.",
    "Sign in to do this.": "Mewngofnodwch i wneud hyn.",
    "Your role does not allow this.": "Nid yw eich rôl yn caniatáu hyn.",
    "This record belongs to another team.": "Mae'r cofnod hwn yn perthyn i dîm arall.",
    "Not found.": "Heb ei ganfod.",
    "The request breaks a rule.": "Mae'r cais yn torri rheol.",
    "The request could not be read.": "Nid oedd modd darllen y cais.",
    "Something went wrong on our side.": "Aeth rhywbeth o'i le ar ein hochr ni.",
    "The error has been logged; quote the correlation id if you report it.": "Mae'r gwall wedi'i gofnodi; dyfynnwch y correlationId os byddwch yn rhoi gwybod amdano.",
    "Too many requests. Wait a minute and try again.": "Gormod o geisiadau. Arhoswch funud a rhowch gynnig arall arni.",
    "The client's token does not allow this.": "Nid yw tocyn y cleient yn caniatáu hyn.",
    # A value the JSON reader could not read as its field's type (Web/Hosting/JsonReaderProblems).
    "Enter a real date, written as yyyy-mm-dd, like 2012-05-14.": "Rhowch ddyddiad go iawn, wedi'i ysgrifennu fel bbbb-mm-dd, fel 2012-05-14.",
    "Enter a real date and time, written as yyyy-mm-ddThh:mm:ssZ, like 2026-12-06T09:30:00Z.": "Rhowch ddyddiad ac amser go iawn, wedi'u hysgrifennu fel bbbb-mm-ddThh:mm:ssZ, fel 2026-12-06T09:30:00Z.",
    "Enter a real time, written as hh:mm, like 09:30.": "Rhowch amser go iawn, wedi'i ysgrifennu fel hh:mm, fel 09:30.",
    "Enter an id: a UUID, like 5f0c3c1e-8a4b-4d7e-9a51-2b6f0d3e7c90.": "Rhowch ddynodydd: UUID, fel 5f0c3c1e-8a4b-4d7e-9a51-2b6f0d3e7c90.",
    "Enter text, in quotes.": "Rhowch destun, mewn dyfynodau.",
    "Enter true or false.": "Rhowch true neu false.",
    "Enter a number.": "Rhowch rif.",
    "Send a list, in square brackets.": "Anfonwch restr, mewn cromfachau sgwâr.",
    "Send a JSON object with the fields the API's description gives.": "Anfonwch wrthrych JSON gyda'r meysydd y mae disgrifiad yr API yn eu rhoi.",
    "Use one of: {0}.": "Defnyddiwch un o: {0}.",
    # ASP.NET Core's own titles: a body that does not bind, and a bare status code (an unknown address, a refused role).
    "One or more validation errors occurred.": "Digwyddodd un neu ragor o wallau dilysu.",
    "Bad Request": "Cais gwallus",
    "Unauthorized": "Heb awdurdod",
    "Forbidden": "Dim mynediad",
    "Not Found": "Heb ei ganfod",
    "Method Not Allowed": "Dull heb ei ganiatáu",
    "Not Acceptable": "Ddim yn dderbyniol",
    "Conflict": "Gwrthdaro",
    "Unsupported Media Type": "Math o gyfrwng heb ei gefnogi",
    "Unprocessable Entity": "Ni ellir prosesu'r cais",
    "Too Many Requests": "Gormod o geisiadau",
    "An error occurred while processing your request.": "Aeth rhywbeth o'i le wrth brosesu eich cais.",
}
