using System.Diagnostics;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Decoding.Mp3;
using GenreOrleans.Dsp.Decoding.Wav;
using GenreOrleans.Dsp.Tests.Decoding.Mp3;

namespace GenreOrleans.Dsp.Tests.Decoding;

/// <summary>
/// Hostile input: the fixtures mutated many ways (truncation, random bytes, bit flips, absurd header fields,
/// garbage side information, endless tag sizes, spliced frames). Every input must end in samples or an
/// <see cref="AudioDecodingException"/>, never another exception, and the work must be bounded by the input
/// size. The seed is fixed so a failure can be replayed; docs/decoder.md shows how to run longer with other seeds.
/// </summary>
public class DecoderFuzzTests
{
    private const int Mutations = 10_000;

    [Fact]
    public void Ten_thousand_mutated_files_decode_or_fail_with_a_typed_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GENRE_FUZZ_SEED"), out var s) ? s : 20261125;
        var count = int.TryParse(Environment.GetEnvironmentVariable("GENRE_FUZZ_MUTATIONS"), out var m) ? m : Mutations;
        var failures = Fuzz(seed, count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} inputs (seed {seed}) failed:\n" + string.Join("\n", failures.Take(10)));
    }

    private static List<string> Fuzz(int seed, int count)
    {
        // Short pieces of every fixture (a dozen frames) keep each decode to a fraction of a millisecond.
        var seeds = Mp3Fixtures.Names.Select(n => Mp3Fixtures.Bytes(n)).Select(b => b[..Math.Min(b.Length, 6000)]).ToList();
        seeds.Add(WavBytes.Build(1, 2, 44100, 16, new byte[4000]));
        seeds.Add(WavBytes.Build(3, 1, 22050, 32, new byte[4000], extensible: true, subFormat: 3));
        var random = new Random(seed);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var original = seeds[random.Next(seeds.Count)];
            var strategy = random.Next(10);
            var input = Mutate(original, strategy, random);
            try
            {
                var samples = Decode(input, nonSeekable: (i & 1) == 1);
                // Bounded output: never more than a frame's worth of samples per 20 input bytes (the smallest frame).
                var limit = (input.Length / 20 + 2) * 1152L * 2;
                if (samples > limit && !input.AsSpan(0, Math.Min(4, input.Length)).SequenceEqual("RIFF"u8))
                    failures.Add($"#{i} strategy {strategy}: {samples} samples from {input.Length} bytes");
            }
            catch (AudioDecodingException e) when (e.InnerException is null or AudioDecodingException)
            {
                // the one expected failure
            }
            catch (Exception e)
            {
                failures.Add($"#{i} strategy {strategy}: {e.GetType().Name}: {e.Message} {e.InnerException?.GetType().Name} {(e.InnerException ?? e).StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }
        }
        return failures;
    }

    private static long Decode(byte[] input, bool nonSeekable)
    {
        Stream stream = nonSeekable ? new ForwardOnlyStream(input) : new MemoryStream(input);
        // ffmpeg-backed formats are out of scope here: the sniffer decides, and only our own decoders run.
        var head = input.AsSpan(0, Math.Min(input.Length, 16384));
        IAudioDecoder decoder = input.Length >= 12 && head.StartsWith("RIFF"u8)
            ? new WavReader(stream)
            : new Mp3Decoder(stream);
        using (decoder)
        {
            var buffer = new float[4096];
            long total = 0;
            int n;
            while ((n = decoder.Read(buffer)) > 0)
                total += n;
            return total;
        }
    }

    private static byte[] Mutate(byte[] original, int strategy, Random random)
    {
        var data = (byte[])original.Clone();
        switch (strategy)
        {
            case 0: // truncation, including to nothing
                return data[..random.Next(data.Length + 1)];
            case 1: // random bytes, sometimes with sync words sprinkled in
            {
                var noise = new byte[random.Next(1, 8000)];
                random.NextBytes(noise);
                for (var k = random.Next(20); k > 0; k--)
                {
                    var p = random.Next(noise.Length - 1);
                    noise[p] = 0xFF;
                    noise[p + 1] = (byte)(0xE0 | random.Next(32));
                }
                return noise;
            }
            case 2: // bit flips
                for (var k = random.Next(1, 40); k > 0; k--)
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                return data;
            case 3: // absurd header fields in some frames
                foreach (var offset in FrameStarts(data).Where(_ => random.Next(3) == 0))
                {
                    data[offset + 1] = (byte)(0xE0 | random.Next(32));
                    data[offset + 2] = (byte)random.Next(256);
                    data[offset + 3] = (byte)random.Next(256);
                }
                return data;
            case 4: // garbage side information (part2_3_length, big_values, tables, block types)
                foreach (var offset in FrameStarts(data).Where(_ => random.Next(2) == 0))
                {
                    for (var k = 4; k < 36 && offset + k < data.Length; k++)
                        data[offset + k] = (byte)random.Next(256);
                }
                return data;
            case 5: // endless ID3v2 tag
                return [(byte)'I', (byte)'D', (byte)'3', 4, 0, (byte)(random.Next(2) * 0x10), 0x7F, 0x7F, 0x7F, 0x7F, .. data];
            case 6: // endless or broken APEv2 / ID3v1 in the middle
            {
                var at = random.Next(data.Length);
                byte[] tag = random.Next(2) == 0
                    ? [.. "APETAGEX"u8.ToArray(), 0xD0, 0x07, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0xA0, 0, 0, 0, 0, 0, 0, 0, 0]
                    : [.. "TAG"u8.ToArray()];
                return [.. data.AsSpan(0, at), .. tag, .. data.AsSpan(at)];
            }
            case 7: // spliced pieces: frames out of order, repeated, cut
            {
                var output = new List<byte>();
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    var from = random.Next(data.Length);
                    output.AddRange(data.AsSpan(from, random.Next(data.Length - from + 1)));
                }
                return [.. output];
            }
            case 8: // random byte overwrites
                for (var k = random.Next(1, 30); k > 0; k--)
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                return data;
            default: // ID3v2 tag with random frame sizes and flags
            {
                var body = new byte[random.Next(10, 300)];
                random.NextBytes(body);
                "TIT2"u8.CopyTo(body);
                byte[] header = [(byte)'I', (byte)'D', (byte)'3', (byte)random.Next(2, 5), 0, (byte)(random.Next(256) & 0xF0), 0, 0, (byte)(body.Length >> 7), (byte)(body.Length & 0x7F)];
                return [.. header, .. body, .. data];
            }
        }
    }

    private static IEnumerable<int> FrameStarts(byte[] data)
    {
        for (var i = 0; i + 40 < data.Length; i++)
        {
            if (data[i] == 0xFF && (data[i + 1] & 0xE0) == 0xE0)
                yield return i;
        }
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
