using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Dsp.Decoding;

/// <summary>Decodes a whole track to one channel at the analysis rate.</summary>
public static class AudioLoader
{
    /// <summary>Longest track <see cref="LoadMono(Stream, int, CancellationToken)"/> accepts; bounds memory for hostile uploads.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(3);

    private const int BlockFrames = 8192;

    /// <summary>Decodes, averages the channels and resamples to <paramref name="sampleRate"/> (librosa's <c>load(mono=True)</c>).</summary>
    /// <exception cref="AudioDecodingException">The stream cannot be decoded or is longer than <see cref="DefaultMaxDuration"/>.</exception>
    public static MonoAudio LoadMono(Stream stream, int sampleRate = 22050, CancellationToken ct = default) =>
        LoadMono(stream, sampleRate, DefaultMaxDuration, ct);

    /// <remarks>
    /// Streams: each decoded block is averaged to mono and handed to a <see cref="BackgroundResampler"/>, which
    /// resamples on a second core while the next block decodes, so apart from the result only a few blocks
    /// and the resampler's reach of input are held (a 2-hour 44.1 kHz stereo file needs the 22,050 Hz result, about
    /// 0.6 GB, collected in chunks and copied once, rather than the whole source track as well).
    /// </remarks>
    public static MonoAudio LoadMono(Stream stream, int sampleRate, TimeSpan maxDuration, CancellationToken ct = default)
    {
        using var decoder = AudioDecoder.Open(stream, leaveOpen: true);
        var info = decoder.Info;
        var channels = info.Channels;
        var maxFrames = (long)(maxDuration.TotalSeconds * info.SampleRate);
        using var resampler = new BackgroundResampler(new Resampler(info.SampleRate, sampleRate).CreateStream(), BlockFrames);
        var block = new float[channels * BlockFrames];
        long frames = 0;
        var scale = 1f / channels;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var samples = decoder.Read(block);
            if (samples == 0)
                break;
            var count = samples / channels;
            frames += count;
            if (frames > maxFrames)
                throw new AudioDecodingException($"the track is longer than the {maxDuration.TotalMinutes:0} minutes accepted");
            var monoBlock = resampler.Rent();
            for (var f = 0; f < count; f++)
            {
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                    sum += block[f * channels + c];
                monoBlock[f] = sum * scale;
            }
            resampler.Submit(monoBlock, count);
        }
        return new MonoAudio(resampler.Complete(), sampleRate, info);
    }
}
