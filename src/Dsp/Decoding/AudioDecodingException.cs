namespace GenreOrleans.Dsp.Decoding;

/// <summary>
/// The one error the decoders throw for input they cannot turn into audio: corrupt, truncated beyond
/// recovery, unsupported, too long, or needing a tool (ffmpeg) that is not installed.
/// </summary>
public sealed class AudioDecodingException : Exception
{
    public AudioDecodingException(string message) : base(message)
    {
    }

    public AudioDecodingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
