namespace GenreOrleans.Web.Tracks;

/// <summary>
/// An anonymous id kept in a cookie so that a browser finds its own earlier uploads. It is not
/// a login: it only groups uploads for the history page.
/// </summary>
public static class OwnerCookie
{
    public const string Name = "genre_owner";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The browser's owner id, or null when it has none yet (or sent something that is not one).</summary>
    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var value) && Guid.TryParseExact(value, "N", out var id)
            ? id.ToString("N")
            : null;

    /// <summary>The browser's owner id, issuing a new cookie when it has none.</summary>
    public static string GetOrIssue(HttpContext context)
    {
        if (Read(context) is { } existing)
            return existing;

        var issued = Guid.NewGuid().ToString("N");
        context.Response.Cookies.Append(Name, issued, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
        });
        return issued;
    }
}
