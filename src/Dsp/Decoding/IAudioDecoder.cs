namespace GenreOrleans.Dsp.Decoding;

/// <summary>
/// A decoder positioned on one audio stream. Samples come out as 32-bit float, interleaved by channel,
/// in the stream's own rate and channel count (see <see cref="Info"/>).
/// </summary>
public interface IAudioDecoder : IDisposable
{
    /// <summary>Facts known before decoding: rate, channels, bitrate, estimated duration, tags.</summary>
    AudioStreamInfo Info { get; }

    /// <summary>
    /// Fills <paramref name="interleaved"/> with as many whole sample frames as fit and returns the number of
    /// samples written (a multiple of <see cref="AudioStreamInfo.Channels"/>); 0 means the end of the stream.
    /// </summary>
    /// <exception cref="AudioDecodingException">The stream is corrupt beyond recovery or unsupported.</exception>
    int Read(Span<float> interleaved);
}
