using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Dsp.Decoding;

/// <summary>Decodes a whole track to one channel at the analysis rate.</summary>
public static class AudioLoader
{
    /// <summary>Longest track <see cref="LoadMono(Stream, int, CancellationToken)"/> accepts; bounds memory for hostile uploads.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(3);

    /// <summary>Decodes, averages the channels and resamples to <paramref name="sampleRate"/> (librosa's <c>load(mono=True)</c>).</summary>
    /// <exception cref="AudioDecodingException">The stream cannot be decoded or is longer than <see cref="DefaultMaxDuration"/>.</exception>
    public static MonoAudio LoadMono(Stream stream, int sampleRate = 22050, CancellationToken ct = default) =>
        LoadMono(stream, sampleRate, DefaultMaxDuration, ct);

    public static MonoAudio LoadMono(Stream stream, int sampleRate, TimeSpan maxDuration, CancellationToken ct = default)
    {
        using var decoder = AudioDecoder.Open(stream, leaveOpen: true);
        var info = decoder.Info;
        var channels = info.Channels;
        var maxFrames = (long)(maxDuration.TotalSeconds * info.SampleRate);
        var mono = new List<float[]>();
        var block = new float[channels * 8192];
        var monoBlock = new float[8192];
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
            for (var f = 0; f < count; f++)
            {
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                    sum += block[f * channels + c];
                monoBlock[f] = sum * scale;
            }
            mono.Add(monoBlock[..count]);
        }

        var all = new float[frames];
        var offset = 0;
        foreach (var part in mono)
        {
            part.CopyTo(all, offset);
            offset += part.Length;
        }
        mono.Clear();
        if (info.SampleRate != sampleRate)
            all = new Resampler(info.SampleRate, sampleRate).Process(all);
        return new MonoAudio(all, sampleRate, info);
    }
}
