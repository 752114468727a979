namespace GenreOrleans.Web.Uploads;

/// <summary>Limits that keep one client, or many, from overwhelming the site.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>Largest accepted audio file; the request is cut off as soon as it goes past this.</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Uploads one client address may start per <see cref="RateLimitWindow"/>.</summary>
    public int UploadsPerWindow { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Analyses this web node lets wait or run at once; beyond this, uploads are refused with 503.</summary>
    public int MaxPendingAnalyses { get; set; } = 16;

    /// <summary>Room for the multipart envelope (boundaries, headers, other fields) on top of the file itself.</summary>
    public long EnvelopeAllowanceBytes { get; set; } = 64 * 1024;
}
