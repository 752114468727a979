using System.Buffers.Binary;

namespace GenreOrleans.Dsp.Tests.Features.Reference;

/// <summary>
/// Minimal RIFF/WAVE reader for the reference fixtures (16-bit PCM and 32-bit float, any
/// channel count), mixing down to mono by the mean as librosa.load does. Test-only.
/// </summary>
internal static class TestWav
{
    public static (float[] Samples, int SampleRate) ReadMono(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int channels = 0, rate = 0, bits = 0, format = 0;
        var pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            var body = bytes.AsSpan(pos + 8, Math.Min(size, bytes.Length - pos - 8));
            if (id == "fmt ")
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format == 0xFFFE) format = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
            }
            else if (id == "data")
            {
                var bytesPerSample = bits / 8;
                var frames = body.Length / (bytesPerSample * channels);
                var mono = new float[frames];
                for (var i = 0; i < frames; i++)
                {
                    float sum = 0;
                    for (var c = 0; c < channels; c++)
                    {
                        var s = body.Slice((i * channels + c) * bytesPerSample, bytesPerSample);
                        sum += format == 3
                            ? BinaryPrimitives.ReadSingleLittleEndian(s)
                            : BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f;
                    }
                    mono[i] = sum / channels;
                }
                return (mono, rate);
            }
            pos += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"no data chunk in {path}");
    }
}
