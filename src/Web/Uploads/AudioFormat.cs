namespace GenreOrleans.Web.Uploads;

/// <summary>Audio containers recognised from their first bytes, with the extension the stored copy gets.</summary>
public enum AudioFormat
{
    Mp3,
    Wav,
    Flac,
    Ogg,
    M4a,
    Aac,
}
