using System.Buffers.Binary;
using System.Text;

namespace GenreOrleans.Dsp.Tests.Decoding;

/// <summary>Builds WAV files in memory for the reader tests.</summary>
internal static class WavBytes
{
    public static byte[] Build(ushort formatTag, int channels, int sampleRate, int bits, byte[] data, bool extensible = false, ushort subFormat = 1, byte[]? extraChunk = null)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        var blockAlign = channels * bits / 8;
        writer.Write("RIFF"u8);
        writer.Write(0);
        writer.Write("WAVE"u8);
        if (extraChunk is not null)
            writer.Write(extraChunk);
        writer.Write("fmt "u8);
        writer.Write(extensible ? 40 : 16);
        writer.Write(extensible ? (ushort)0xFFFE : formatTag);
        writer.Write((ushort)channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * blockAlign);
        writer.Write((ushort)blockAlign);
        writer.Write((ushort)bits);
        if (extensible)
        {
            writer.Write((ushort)22);
            writer.Write((ushort)bits);
            writer.Write(3);
            writer.Write(subFormat);
            writer.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });
        }
        writer.Write("data"u8);
        writer.Write(data.Length);
        writer.Write(data);
        writer.Flush();
        var bytes = stream.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        return bytes;
    }

    public static byte[] InfoChunk(string title, string artist, string genre)
    {
        using var body = new MemoryStream();
        body.Write("INFO"u8);
        foreach (var (id, text) in new[] { ("INAM", title), ("IART", artist), ("IGNR", genre) })
        {
            var bytes = Encoding.UTF8.GetBytes(text + "\0");
            body.Write(Encoding.ASCII.GetBytes(id));
            body.Write(BitConverter.GetBytes(bytes.Length));
            body.Write(bytes);
            if (bytes.Length % 2 == 1)
                body.WriteByte(0);
        }
        var content = body.ToArray();
        return [.. "LIST"u8.ToArray(), .. BitConverter.GetBytes(content.Length), .. content];
    }

    public static float[] ReadAll(Dsp.Decoding.IAudioDecoder decoder)
    {
        var all = new List<float>();
        var buffer = new float[1000];
        int n;
        while ((n = decoder.Read(buffer)) > 0)
            all.AddRange(buffer.AsSpan(0, n));
        return [.. all];
    }
}
