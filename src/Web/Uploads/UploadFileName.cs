using System.Text;

namespace GenreOrleans.Web.Uploads;

/// <summary>
/// The name a person gave their file, made safe to keep and show: no folders, no control
/// characters, a bounded length. It is only ever displayed (HTML-encoded); files on disk are
/// named by track id.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 200;

    public const string Fallback = "upload";

    public static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Fallback;

        // Browsers on Windows used to send the full path; keep only the last segment either way.
        var name = raw.Trim().Trim('"');
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
            name = name[(lastSeparator + 1)..];

        var builder = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name)
        {
            if (!char.IsControl(c) && c != ':' && !char.IsSurrogate(c))
                builder.Append(c);
        }
        name = builder.ToString().Trim().TrimStart('.');
        if (name.Length == 0)
            return Fallback;
        if (name.Length <= MaxLength)
            return name;

        // Keep a short extension so that a long name still says what kind of file it was.
        var extension = Path.GetExtension(name);
        if (extension.Length is 0 or > 10)
            return name[..MaxLength];
        return name[..(MaxLength - extension.Length)] + extension;
    }
}
