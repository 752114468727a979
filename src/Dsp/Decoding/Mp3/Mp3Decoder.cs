namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Decodes MPEG-1, MPEG-2 LSF and MPEG-2.5 Layer III streams to float PCM, frame by frame, from a forward-only
/// stream. Gapless information in a LAME tag is applied the way mpg123 does by default: the encoder delay plus
/// the 529-sample decoder delay is dropped at the start and the padding at the end, so sample counts match.
/// The output keeps the channel count of the first frame for the whole stream.
/// </summary>
public sealed class Mp3Decoder : IAudioDecoder
{
    /// <summary>Delay of the Layer III hybrid filter bank that mpg123's gapless mode adds to the encoder delay.</summary>
    private const int DecoderDelay = 529;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Mp3FrameReader _frames;
    private readonly Layer3FrameDecoder _decoder;
    private readonly float[] _pcm = new float[1152 * 2];
    private readonly int _channels;
    private readonly long _skipStart;
    private readonly long _end;
    private int _pcmStart;
    private int _pcmEnd;
    private long _decodedSamples;
    private bool _pendingFirstFrame;
    private bool _finished;

    public Mp3Decoder(Stream stream, bool leaveOpen = false, Mp3DecoderOptions? options = null)
    {
        _decoder = new Layer3FrameDecoder(options ?? Mp3DecoderOptions.Default);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _frames = new Mp3FrameReader(stream);
        if (!_frames.Next())
            throw new AudioDecodingException("no MPEG audio frame found in the stream");
        var first = _frames.Header;
        _channels = first.Channels;
        var xing = XingHeader.TryParse(_frames.Frame, first);
        _pendingFirstFrame = xing is null;
        _end = long.MaxValue;
        var samplesPerFrame = first.SamplesPerFrame;
        if (xing is { EncoderDelay: { } delay, EncoderPadding: { } padding, Frames: { } frames } && !xing.IsVbri)
        {
            _skipStart = delay + DecoderDelay;
            _end = Math.Max(_skipStart, (long)frames * samplesPerFrame - padding + DecoderDelay);
        }

        var bitrate = first.IsFreeFormat ? first.SampleRate * _frames.FrameLength * 8L / samplesPerFrame / 1000 : first.BitrateKbps;
        TimeSpan duration;
        if (xing?.Frames is { } frameCount)
        {
            var samples = _end != long.MaxValue ? _end - _skipStart : (long)frameCount * samplesPerFrame;
            duration = TimeSpan.FromSeconds((double)samples / first.SampleRate);
            if (xing.Bytes is { } bytes and > 0 && samples > 0)
                bitrate = (int)Math.Round(bytes * 8.0 / ((double)frameCount * samplesPerFrame / first.SampleRate) / 1000);
        }
        else if (stream.CanSeek && bitrate > 0)
        {
            var audioBytes = Math.Max(0, stream.Length - _frames.FrameOffset);
            duration = TimeSpan.FromSeconds(audioBytes * 8.0 / (bitrate * 1000.0));
        }
        else
        {
            duration = TimeSpan.Zero;
        }

        var tags = _frames.Tags;
        Info = new AudioStreamInfo("mp3", first.SampleRate, _channels, (int?)bitrate, duration, tags.Title, tags.Artist, tags.Genre);
    }

    public AudioStreamInfo Info { get; }

    /// <summary>Granules that could not be decoded because their bit reservoir lay before the start of the stream.</summary>
    public int MissingReservoirGranules => _decoder.MissingReservoirGranules;

    public int Read(Span<float> interleaved)
    {
        var written = 0;
        var capacity = interleaved.Length / _channels * _channels;
        while (written < capacity)
        {
            if (_pcmStart == _pcmEnd && !DecodeNextFrame())
                break;
            var count = Math.Min(_pcmEnd - _pcmStart, capacity - written);
            _pcm.AsSpan(_pcmStart, count).CopyTo(interleaved[written..]);
            _pcmStart += count;
            written += count;
        }
        return written;
    }

    /// <summary>Decodes frames until one yields samples inside the gapless range; false at the end.</summary>
    private bool DecodeNextFrame()
    {
        while (!_finished)
        {
            if (!_pendingFirstFrame && !_frames.Next())
            {
                _finished = true;
                return false;
            }
            _pendingFirstFrame = false;
            var header = _frames.Header;
            int samples;
            try
            {
                samples = _decoder.Decode(_frames.Frame, header, _pcm, _channels);
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
            {
                throw new AudioDecodingException($"corrupt MP3 frame at byte {_frames.FrameOffset}", e);
            }

            // Keep only the part of this frame inside [skipStart, end).
            var frameStart = _decodedSamples;
            _decodedSamples += samples;
            var from = Math.Max(frameStart, _skipStart);
            var to = Math.Min(_decodedSamples, _end);
            if (frameStart >= _end)
            {
                _finished = true;
                return false;
            }
            if (from >= to)
                continue;
            _pcmStart = (int)(from - frameStart) * _channels;
            _pcmEnd = (int)(to - frameStart) * _channels;
            return true;
        }
        return false;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
