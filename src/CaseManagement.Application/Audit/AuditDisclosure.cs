using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseManagement.Application.Audit;

/// <summary>
/// What an auditor reads of an entry's changes. The auditor checks who did what to which record and when, not what a
/// child's record says: every changed field is named, but only the values listed here are shown (keys, references,
/// states, times and who acted, and the settings of teams, agencies and accounts). Any other value, and so any field
/// added later, is withheld until someone decides to list it here.
/// </summary>
public static class AuditDisclosure
{
    /// <summary>What a withheld value reads as, in the API and the CSV export.</summary>
    public const string WithheldValue = "(withheld)";

    private static readonly Dictionary<string, HashSet<string>> Shown = new(StringComparer.Ordinal)
    {
        ["Child"] = ["Id", "TeamId", "CreatedAtUtc", "MergedIntoChildId", "MergedAtUtc"],
        ["Referral"] = ["Id", "Reference", "TeamId", "ChildId", "CaseId", "ReferrerAgencyId", "Consent", "LawfulBasis", "Status", "ReceivedAtUtc", "SubmittedByUserId", "DecidedAtUtc", "DecidedByUserId"],
        ["MatchCandidate"] = ["Id", "ReferralId", "ChildId", "Score", "Decision", "Status", "ProposedAtUtc", "DecidedAtUtc", "DecidedByUserId"],
        ["ChildMerge"] = ["Id", "SurvivorChildId", "MergedChildId", "MovedReferralIds", "MovedCaseIds", "MergedAtUtc", "MergedByUserId", "UndoneAtUtc", "UndoneByUserId"],
        ["ChildCase"] = ["Id", "TeamId", "ChildId", "Status", "OpenedAtUtc", "OpenedByUserId", "CaseManagerUserId", "AllocatedAtUtc", "NextReviewDue", "ClosedAtUtc", "ClosedOn", "Version"],
        ["CaseAllocation"] = ["Id", "CaseId", "CaseManagerUserId", "AllocatedAtUtc", "AllocatedByUserId", "EndedAtUtc"],
        ["CaseMember"] = ["Id", "CaseId", "UserId", "AddedAtUtc", "AddedByUserId", "RemovedAtUtc"],
        ["Goal"] = ["Id", "CaseId", "ChildId", "CreatedAtUtc", "CreatedByUserId", "UpdatedAtUtc"],
        ["Review"] = ["Id", "CaseId", "ChildId", "HeldOn", "NextReviewDue", "RecordedAtUtc", "RecordedByUserId"],
        ["ReviewGoalScore"] = ["Id", "ReviewId", "GoalId"],
        ["TimelineEntry"] = ["Id", "ChildId", "CaseId", "Visibility", "RecordedAtUtc", "RecordedByUserId", "WithdrawnAtUtc"],
        ["Assessment"] =
        [
            "Id", "CaseId", "ChildId", "TeamId", "Number", "PreviousAssessmentId", "Status", "CreatedAtUtc", "CreatedByUserId", "UpdatedAtUtc",
            "SubmittedAtUtc", "SubmittedByUserId", "ReturnedAtUtc", "CountersignedAtUtc", "CountersignedByUserId", "Revision",
        ],
        ["AssessmentArea"] = ["Id", "AssessmentId", "Area"],

        // Which question was answered, never the answer.
        ["AdversityRecord"] = ["Id", "AssessmentId", "Adversity"],

        // The auditor judges each emergency access by its reason.
        ["BreakGlassAccess"] = ["Id", "UserId", "ReferralId", "TeamId", "Reason", "GrantedAtUtc", "ExpiresAtUtc"],
        ["Team"] = ["Id", "Name", "AgencyId", "ReviewIntervalDays"],
        ["Agency"] = ["Id", "Name", "Kind"],
        ["ApplicationUser"] =
        [
            "Id", "DisplayName", "AgencyId", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed",
            "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount", "MustChangePassword",
        ],
        ["ApplicationRole"] = ["Id", "Name", "NormalizedName"],
        ["TeamMembership"] = ["UserId", "TeamId"],
        ["IdentityUserRole`1"] = ["UserId", "RoleId"],

        // Issue 17: who recorded which contact or note on which case, and when; never what it says.
        ["Contact"] = ["Id", "CaseId", "ChildId", "TeamId", "StartsAtUtc", "Outcome", "RearrangedToContactId", "RearrangedFromContactId", "RecordedAtUtc", "RecordedByUserId", "UpdatedAtUtc", "UpdatedByUserId", "Revision"],
        ["ContactWorker"] = ["ContactId", "UserId"],
        ["ContactGoal"] = ["ContactId", "GoalId"],
        ["ContactPerson"] = ["Id", "ContactId", "Position"],
        ["CaseNote"] = ["Id", "CaseId", "ChildId", "TeamId", "Category", "Visibility", "WrittenAtUtc", "WrittenByUserId", "EditedAtUtc", "EditedByUserId", "Revision"],
        ["CaseNoteVersion"] = ["Id", "NoteId", "Revision", "Category", "Visibility", "WrittenAtUtc", "WrittenByUserId"],
    };

    /// <summary>Whether an auditor may read the values of <paramref name="field"/> of an <paramref name="entityType"/>.</summary>
    public static bool IsShown(string entityType, string field) =>
        Shown.TryGetValue(entityType, out var fields) && fields.Contains(field);

    /// <summary>
    /// The changes (a JSON object of field → [before, after]) with every value that is not shown replaced by
    /// <see cref="WithheldValue"/>, and the names of those fields.
    /// </summary>
    public static (string? Changes, IReadOnlyList<string> Withheld) Apply(string entityType, string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes) || JsonNode.Parse(changes) is not JsonObject fields)
        {
            return (changes, []);
        }

        var withheld = new List<string>();
        foreach (var name in fields.Select(f => f.Key).ToList())
        {
            if (!IsShown(entityType, name))
            {
                fields[name] = new JsonArray(WithheldValue, WithheldValue);
                withheld.Add(name);
            }
        }

        return withheld.Count == 0 ? (changes, []) : (fields.ToJsonString(Json), withheld);
    }

    // Keeps Welsh letters readable, as the audit writer does.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
}
