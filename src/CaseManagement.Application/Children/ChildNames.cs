namespace CaseManagement.Application.Children;

/// <summary>How a child's name reads wherever the team sees it: "Dafydd (Dai) Williams".</summary>
public static class ChildNames
{
    public static string Display(string given, string family, string? preferred) =>
        string.IsNullOrWhiteSpace(preferred) || preferred == given ? $"{given} {family}" : $"{given} ({preferred}) {family}";
}
