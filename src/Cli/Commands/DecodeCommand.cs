using System.CommandLine;
using System.Runtime.InteropServices;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Cli.Commands;

/// <summary>
/// <c>genre decode &lt;in&gt; --out &lt;file.f32&gt; [--mono] [--rate N]</c>: writes raw float32 little-endian
/// interleaved samples, the same layout as <c>mpg123 -e f32 -s</c>, so decoders can be compared byte for byte.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("in") { Description = "Audio file (MP3, WAV; FLAC/Ogg/Opus/M4A need ffmpeg)." };
        var output = new Option<FileInfo>("--out") { Description = "Raw float32 little-endian output file.", Required = true };
        var mono = new Option<bool>("--mono") { Description = "Average the channels into one." };
        var rate = new Option<int?>("--rate") { Description = "Resample to this rate in Hz (band-limited)." };
        var command = new Command("decode", "Decode audio to raw float32 samples.") { input, output, mono, rate };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(mono), parse.GetValue(rate));
            }
            catch (AudioDecodingException e)
            {
                Console.Error.WriteLine($"genre decode: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(FileInfo input, FileInfo output, bool mono, int? rate)
    {
        if (rate is <= 0 or > 768_000)
        {
            Console.Error.WriteLine("genre decode: --rate must be between 1 and 768000");
            return 2;
        }
        using var decoder = AudioDecoder.Open(input.OpenRead());
        var info = decoder.Info;
        var targetRate = rate ?? info.SampleRate;
        using var file = output.Create();
        if (mono)
        {
            // The product's own mono signal (AudioLoader.LoadMono, which streams), so that features of
            // this output are features of what the analysis sees. No duration limit for a local file.
            using var stream = input.OpenRead();
            var audio = AudioLoader.LoadMono(stream, targetRate, TimeSpan.FromDays(365));
            file.Write(MemoryMarshal.AsBytes(audio.Samples.AsSpan()));
            Report(input, output, info, 1, targetRate);
            return 0;
        }
        if (targetRate == info.SampleRate)
        {
            // Straight through, block by block, without holding the track in memory.
            var block = new float[info.Channels * 4608];
            int count;
            while ((count = decoder.Read(block)) > 0)
                file.Write(MemoryMarshal.AsBytes(block.AsSpan(0, count)));
        }
        else
        {
            var resampler = new Resampler(info.SampleRate, targetRate);
            var channels = Deinterleave(decoder).Select(c => resampler.Process(c)).ToArray();
            var frames = channels[0].Length;
            var interleaved = new float[frames * channels.Length];
            for (var c = 0; c < channels.Length; c++)
            {
                for (var f = 0; f < frames; f++)
                    interleaved[f * channels.Length + c] = channels[c][f];
            }
            file.Write(MemoryMarshal.AsBytes(interleaved.AsSpan()));
        }
        Report(input, output, info, info.Channels, targetRate);
        return 0;
    }

    private static void Report(FileInfo input, FileInfo output, AudioStreamInfo info, int channels, int rate) =>
        Console.Error.WriteLine($"{input.Name}: {info.Format} {info.SampleRate} Hz {info.Channels} ch -> {output.FullName} ({channels} ch, {rate} Hz, f32le)");

    private static float[][] Deinterleave(IAudioDecoder decoder)
    {
        var channels = decoder.Info.Channels;
        var parts = Enumerable.Range(0, channels).Select(_ => new List<float>()).ToArray();
        var block = new float[channels * 4608];
        int count;
        while ((count = decoder.Read(block)) > 0)
        {
            for (var i = 0; i < count; i++)
                parts[i % channels].Add(block[i]);
        }
        return parts.Select(p => p.ToArray()).ToArray();
    }
}
