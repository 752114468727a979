namespace GenreOrleans.Web.Pages.Shared;

/// <summary>What the upload form shows: the size limit and, after a refused upload, why.</summary>
public sealed record UploadFormModel(long MaxBytes, string? Error = null)
{
    public string MaxMegabytes => (MaxBytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
