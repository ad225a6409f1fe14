using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// NCSC password guidance: instead of composition rules, refuse passwords that are common (a deny-list the project
/// owns), one character repeated, or built from the person's own email address.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> DenyList = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var candidate = (password ?? string.Empty).Trim().ToLowerInvariant();
        if (DenyList.Value.Contains(candidate) || (candidate.Length > 0 && candidate.All(c => c == candidate[0])))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common and easy to guess. Choose a different one, for example three random words." }));
        }

        var localPart = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0].ToLowerInvariant();
        if (localPart.Length >= 4 && candidate.Contains(localPart, StringComparison.Ordinal))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "The password must not contain your email address." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CaseManagement.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
