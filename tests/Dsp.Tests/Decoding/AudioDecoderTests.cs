using System.Diagnostics;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Dsp.Tests.Decoding;

public class AudioDecoderTests
{
    /// <summary>A stream that cannot seek, like an upload body.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public void Detects_wav_from_bytes_on_a_stream_that_cannot_seek()
    {
        var bytes = WavBytes.Build(1, 1, 16000, 16, new byte[200]);
        using var decoder = AudioDecoder.Open(new ForwardOnlyStream(bytes));
        Assert.Equal("wav", decoder.Info.Format);
        Assert.Equal(100, WavBytes.ReadAll(decoder).Length);
    }

    [Fact]
    public void Empty_stream_is_a_typed_error()
    {
        var error = Assert.Throws<AudioDecodingException>(() => AudioDecoder.Open(new MemoryStream()));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Random_bytes_are_an_unrecognised_format()
    {
        var bytes = new byte[5000];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF)
                bytes[i] = 0; // no sync words at all
        }
        var error = Assert.Throws<AudioDecodingException>(() => AudioDecoder.Open(new MemoryStream(bytes)));
        Assert.Contains("unrecognised", error.Message);
    }

    [SkippableFact]
    public void Decodes_flac_through_ffmpeg()
    {
        var ffmpeg = TestPaths.RequireTool("ffmpeg");
        TestPaths.RequireTool("ffprobe");
        var flac = Path.Combine(Path.GetTempPath(), $"decoder-test-{Guid.NewGuid():N}.flac");
        try
        {
            Run(ffmpeg, $"-v error -f lavfi -i sine=frequency=440:sample_rate=32000:duration=0.5 -ac 2 -metadata title=Probe {flac}");
            using var decoder = AudioDecoder.Open(File.OpenRead(flac));
            Assert.Equal(("flac", 32000, 2, "Probe"), (decoder.Info.Format, decoder.Info.SampleRate, decoder.Info.Channels, decoder.Info.Title));
            var samples = WavBytes.ReadAll(decoder);
            Assert.Equal(32000, samples.Length);
            Assert.InRange(samples.Max(), 0.08f, 0.13f); // lavfi sine of amplitude 1/8, upmixed at -3 dB
        }
        finally
        {
            File.Delete(flac);
        }
    }

    [Fact]
    public void Loads_stereo_wav_as_the_mean_of_its_channels()
    {
        var data = new byte[8];
        BitConverter.GetBytes(0.5f).CopyTo(data, 0);
        BitConverter.GetBytes(-0.25f).CopyTo(data, 4);
        var audio = AudioLoader.LoadMono(new MemoryStream(WavBytes.Build(3, 2, 22050, 32, data)));
        Assert.Equal([0.125f], audio.Samples);
        Assert.Equal(22050, audio.SampleRate);
    }

    [Fact]
    public void Loads_44_1_khz_wav_resampled_to_22_05_khz()
    {
        var pcm = new byte[44100 * 2];
        var audio = AudioLoader.LoadMono(new MemoryStream(WavBytes.Build(1, 1, 44100, 16, pcm)));
        Assert.Equal(22050, audio.Samples.Length);
        Assert.Equal(44100, audio.Info.SampleRate);
    }

    [Fact]
    public void Loads_a_stereo_wav_block_by_block_with_the_samples_of_whole_track_resampling()
    {
        // Longer than several of the loader's 8192-frame blocks, and not a multiple of them.
        const int frames = 8192 * 5 + 1234;
        var random = new Random(5);
        var interleaved = Enumerable.Range(0, 2 * frames).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var data = new byte[interleaved.Length * 4];
        Buffer.BlockCopy(interleaved, 0, data, 0, data.Length);
        var mono = Enumerable.Range(0, frames).Select(f => (interleaved[2 * f] + interleaved[2 * f + 1]) * 0.5f).ToArray();
        var expected = new GenreOrleans.Dsp.Resampling.Resampler(44100, 22050).Process(mono);

        var audio = AudioLoader.LoadMono(new MemoryStream(WavBytes.Build(3, 2, 44100, 32, data)));

        Assert.Equal(expected, audio.Samples);
    }

    internal static void Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: {errors}");
    }
}
