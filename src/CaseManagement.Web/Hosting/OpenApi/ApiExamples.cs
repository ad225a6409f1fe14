using System.Text.Json.Nodes;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// Hand-written examples for the bodies a partner's developer reads first: a fictional referral of a fictional child
/// (no real person), the token exchange and the problem documents. Every other body gets one made from its schema.
/// </summary>
public static class ApiExamples
{
    private const string ReferralId = "0b7e5c1a-6f2d-4e8b-9a3c-1d2e3f4a5b6c";

    private static readonly Dictionary<string, string> Written = new(StringComparer.Ordinal)
    {
        ["SubmitReferral"] = """
            {
              "teamId": "3b1f6a52-1c0e-4a55-9a0e-6f2d1f0e7a11",
              "source": "Mash",
              "referrerName": "Gwenllian Morgan",
              "referrerPhone": "029 2000 0000",
              "referrerEmail": "gwenllian.morgan@mash.example.org",
              "policeOccurrenceReference": "SWP-2026-118734",
              "concerns": "Cerys has been missing school on Fridays since September and was seen twice with older young people at the retail park late at night.",
              "reason": "School and family ask for early help before things escalate; the family would welcome a home visit.",
              "consent": "ChildAndFamily",
              "lawfulBasis": "PublicTask",
              "urgency": "Routine",
              "childGivenName": "Cerys",
              "childFamilyName": "Pritchard",
              "childPreferredName": "Cer",
              "childDateOfBirth": "2011-03-14",
              "childSex": "Female",
              "childPostcode": "SA1 1AA",
              "childPreferredLanguage": "Welsh",
              "childAddress": "12 Heol y Dderwen\nAbertawe",
              "childSchool": "Ysgol Gyfun Gymraeg Bryn Tawe",
              "childPhone": "07700 900123",
              "childPhoneOwner": "Child",
              "parentsOrCarers": "Rhian Pritchard (mother)",
              "sensitiveNotes": null
            }
            """,
        ["TokenRequest"] = """{ "email": "mash-system@demo.example", "password": "a-long-secret-from-your-administrator", "twoFactorCode": null }""",
        ["DecisionResponse"] = """{ "status": "Accepted" }""",
        ["ReasonRequest"] = """{ "reason": "Signposted to the Families First team in Abertawe, who already know the family." }""",
        ["ProblemDetails"] = """
            {
              "type": "https://tools.ietf.org/html/rfc9110#section-15.5.5",
              "title": "Not found.",
              "status": 404,
              "detail": "The referral was not found.",
              "correlationId": "9d3e0f1a2b4c4d5e8f6a7b8c9d0e1f2a"
            }
            """,
        ["ValidationProblemDetails"] = """
            {
              "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
              "title": "The request has errors.",
              "status": 400,
              "errors": {
                "childDateOfBirth": ["Enter the child's date of birth."],
                "concerns": ["Enter what is happening for the child."]
              },
              "correlationId": "9d3e0f1a2b4c4d5e8f6a7b8c9d0e1f2a"
            }
            """,
    };

    /// <summary>The hand-written example of a named schema, or null when it has none.</summary>
    public static JsonNode? For(string schemaId) =>
        schemaId == "ReferralDto" ? Referral()
        : Written.TryGetValue(schemaId, out var json) ? JsonNode.Parse(json) : null;

    /// <summary>The example referral as the team holds it once received: what was sent, and what the team added.</summary>
    private static JsonObject Referral()
    {
        var referral = new JsonObject { ["id"] = ReferralId, ["reference"] = "RF-2026-00042", ["teamName"] = "Swansea prevention team", ["childId"] = null, ["caseId"] = null, ["status"] = "Screening" };
        foreach (var (name, value) in JsonNode.Parse(Written["SubmitReferral"])!.AsObject())
        {
            referral[name] = value?.DeepClone();
        }

        foreach (var name in (string[])["childNhsNumber", "childUniquePupilNumber", "childPncId", "outcomeReason", "decidedAtUtc"])
        {
            referral[name] = null;
        }

        referral["receivedAtUtc"] = "2026-12-07T10:15:00Z";
        referral["sensitiveNotesWithheld"] = false;
        referral["history"] = JsonNode.Parse("""
            [
              { "fromStatus": null, "toStatus": "Received", "occurredAtUtc": "2026-12-07T10:15:00Z", "note": null },
              { "fromStatus": "Received", "toStatus": "Screening", "occurredAtUtc": "2026-12-07T10:15:00Z", "note": null }
            ]
            """);
        return referral;
    }
}
