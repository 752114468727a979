namespace GenreOrleans.Web.Api;

/// <summary>POST /api/tracks: the upload was stored and its analysis queued.</summary>
public sealed record UploadAccepted(Guid Id, string Status, TrackLinks Links);
