namespace GenreOrleans.Web.Uploads;

/// <summary>Why an upload was refused, as an HTTP status and a sentence for the person who sent it.</summary>
public sealed record UploadRejection(int StatusCode, string Message)
{
    public static UploadRejection NotMultipart() => new(StatusCodes.Status400BadRequest,
        "Send the audio as multipart/form-data in a field named \"file\".");

    public static UploadRejection MissingFile() => new(StatusCodes.Status400BadRequest,
        "No file was attached: choose an audio file to upload.");

    public static UploadRejection Malformed() => new(StatusCodes.Status400BadRequest,
        "The upload request was malformed or incomplete.");

    public static UploadRejection Empty() => new(StatusCodes.Status400BadRequest,
        "The file is empty.");

    public static UploadRejection TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge,
        $"The file is larger than the limit of {maxBytes / (1024.0 * 1024.0):0.#} MB.");

    public static UploadRejection NotAudio() => new(StatusCodes.Status415UnsupportedMediaType,
        "This is not an audio file we can read: upload an MP3 (or WAV, FLAC, Ogg, M4A).");

    public static UploadRejection CorruptMp3(string detail) => new(StatusCodes.Status422UnprocessableEntity,
        $"The MP3 is corrupt or truncated: {detail}");

    public static UploadRejection QueueFull() => new(StatusCodes.Status503ServiceUnavailable,
        "Too many tracks are being analysed right now; try again in a minute.");
}
