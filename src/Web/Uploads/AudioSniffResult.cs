namespace GenreOrleans.Web.Uploads;

/// <summary>What the bytes of an upload turned out to be: a format, or the reason it is refused.</summary>
public sealed record AudioSniffResult(AudioFormat? Format, UploadRejection? Rejection)
{
    public static AudioSniffResult Recognised(AudioFormat format) => new(format, null);

    public static AudioSniffResult Refused(UploadRejection rejection) => new(null, rejection);
}
