namespace GenreOrleans.Web.Uploads;

/// <summary>An upload that passed every check and now lies on disk, named by its track id.</summary>
public sealed record StoredUpload(Guid TrackId, string StoredPath, string FileName, long SizeBytes, AudioFormat Format);
