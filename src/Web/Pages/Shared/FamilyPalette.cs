namespace GenreOrleans.Web.Pages.Shared;

/// <summary>One colour per family (defined in site.css); a family the palette does not know gets a neutral grey.</summary>
public static class FamilyPalette
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "House", "Trance", "Techno", "Breakbeat", "Jungle", "Hardcore", "Downtempo",
    };

    public static string CssClass(string? family) =>
        family is not null && Known.Contains(family) ? "family-" + family.ToLowerInvariant() : "family-other";
}
