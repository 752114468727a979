namespace GenreOrleans.Web.Api;

/// <summary>
/// The shape of POST /api/tracks for the OpenAPI document only: the endpoint streams the body
/// itself rather than binding it, so that a large file never sits in memory.
/// </summary>
public sealed class UploadTrackForm
{
    /// <summary>The audio file: MP3, WAV, FLAC, Ogg or M4A.</summary>
    public required IFormFile File { get; init; }
}
