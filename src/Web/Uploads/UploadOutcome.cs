namespace GenreOrleans.Web.Uploads;

/// <summary>Either the stored upload or the reason it was refused.</summary>
public sealed record UploadOutcome(StoredUpload? Upload, UploadRejection? Rejection)
{
    public static UploadOutcome Stored(StoredUpload upload) => new(upload, null);

    public static UploadOutcome Refused(UploadRejection rejection) => new(null, rejection);
}
