using System.Buffers.Binary;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The information frame some encoders put first: Xing/Info (frame and byte counts) with the LAME extension
/// (encoder delay and padding, for gapless trimming), or Fraunhofer's VBRI. The frame itself holds no audio.
/// </summary>
internal sealed record XingHeader(int? Frames, long? Bytes, int? EncoderDelay, int? EncoderPadding, bool IsVbri)
{
    public static XingHeader? TryParse(ReadOnlySpan<byte> frame, Mp3FrameHeader header)
    {
        foreach (var offset in new[] { 4 + header.SideInfoLength, 6 + header.SideInfoLength })
        {
            if (frame.Length < offset + 8)
                continue;
            var tag = frame.Slice(offset, 4);
            if (!tag.SequenceEqual("Xing"u8) && !tag.SequenceEqual("Info"u8))
                continue;
            var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 4)..]);
            var position = offset + 8;
            int? frames = null;
            long? bytes = null;
            if ((flags & 1) != 0 && frame.Length >= position + 4)
            {
                frames = BinaryPrimitives.ReadInt32BigEndian(frame[position..]);
                position += 4;
            }
            if ((flags & 2) != 0 && frame.Length >= position + 4)
            {
                bytes = BinaryPrimitives.ReadUInt32BigEndian(frame[position..]);
                position += 4;
            }
            if ((flags & 4) != 0)
                position += 100;
            if ((flags & 8) != 0)
                position += 4;
            int? delay = null, padding = null;
            if (frame.Length >= position + 24)
            {
                var lame = frame[position..];
                if (lame.StartsWith("LAME"u8) || lame.StartsWith("Lavf"u8) || lame.StartsWith("Lavc"u8) || lame.StartsWith("GOGO"u8))
                {
                    delay = lame[21] << 4 | lame[22] >> 4;
                    padding = (lame[22] & 0x0F) << 8 | lame[23];
                }
            }
            return new XingHeader(frames is > 0 ? frames : null, bytes, delay, padding, IsVbri: false);
        }

        const int vbriOffset = 36;
        if (frame.Length >= vbriOffset + 18 && frame.Slice(vbriOffset, 4).SequenceEqual("VBRI"u8))
        {
            var bytes = BinaryPrimitives.ReadUInt32BigEndian(frame[(vbriOffset + 10)..]);
            var frames = BinaryPrimitives.ReadInt32BigEndian(frame[(vbriOffset + 14)..]);
            return new XingHeader(frames > 0 ? frames : null, bytes, null, null, IsVbri: true);
        }
        return null;
    }
}
