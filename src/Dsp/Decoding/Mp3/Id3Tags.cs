using System.Buffers.Binary;
using System.Text;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>The ID3 fields the track page shows. Parsing never throws: damaged tags just yield fewer fields.</summary>
internal sealed record Id3Tags(string? Title, string? Artist, string? Genre)
{
    public static readonly Id3Tags Empty = new(null, null, null);

    public bool IsEmpty => Title is null && Artist is null && Genre is null;

    /// <summary>Genre names for ID3v1 numbers 0..79 (the original list) and the Winamp additions that concern us.</summary>
    private static readonly string[] Genres =
    [
        "Blues", "Classic Rock", "Country", "Dance", "Disco", "Funk", "Grunge", "Hip-Hop", "Jazz", "Metal",
        "New Age", "Oldies", "Other", "Pop", "R&B", "Rap", "Reggae", "Rock", "Techno", "Industrial",
        "Alternative", "Ska", "Death Metal", "Pranks", "Soundtrack", "Euro-Techno", "Ambient", "Trip-Hop", "Vocal", "Jazz+Funk",
        "Fusion", "Trance", "Classical", "Instrumental", "Acid", "House", "Game", "Sound Clip", "Gospel", "Noise",
        "AlternRock", "Bass", "Soul", "Punk", "Space", "Meditative", "Instrumental Pop", "Instrumental Rock", "Ethnic", "Gothic",
        "Darkwave", "Techno-Industrial", "Electronic", "Pop-Folk", "Eurodance", "Dream", "Southern Rock", "Comedy", "Cult", "Gangsta",
        "Top 40", "Christian Rap", "Pop/Funk", "Jungle", "Native American", "Cabaret", "New Wave", "Psychedelic", "Rave", "Showtunes",
        "Trailer", "Lo-Fi", "Tribal", "Acid Punk", "Acid Jazz", "Polka", "Retro", "Musical", "Rock & Roll", "Hard Rock",
    ];

    public static Id3Tags ParseV1(ReadOnlySpan<byte> tag)
    {
        if (tag.Length < 128 || !tag.StartsWith("TAG"u8))
            return Empty;
        return new Id3Tags(Latin1(tag.Slice(3, 30)), Latin1(tag.Slice(33, 30)), GenreName(tag[127]));
    }

    /// <summary>Parses an ID3v2.2/2.3/2.4 tag including its 10-byte header (possibly cut short).</summary>
    public static Id3Tags ParseV2(ReadOnlySpan<byte> tag)
    {
        if (tag.Length < 10)
            return Empty;
        var major = tag[3];
        var flags = tag[5];
        var size = Math.Min(tag[6] << 21 | tag[7] << 14 | tag[8] << 7 | tag[9], tag.Length - 10);
        var body = tag.Slice(10, size).ToArray();
        if ((flags & 0x80) != 0 && major < 4)
            body = RemoveUnsynchronisation(body);
        var position = 0;
        if ((flags & 0x40) != 0 && major >= 3 && body.Length >= 4)
        {
            var extended = major == 4 ? Syncsafe(body) : BinaryPrimitives.ReadInt32BigEndian(body) + 4;
            position = Math.Clamp(extended, 0, body.Length);
        }

        string? title = null, artist = null, genre = null;
        var idLength = major == 2 ? 3 : 4;
        var headerLength = major == 2 ? 6 : 10;
        while (position + headerLength <= body.Length && body[position] != 0)
        {
            var id = Encoding.ASCII.GetString(body, position, idLength);
            int frameSize = major switch
            {
                2 => body[position + 3] << 16 | body[position + 4] << 8 | body[position + 5],
                4 => Syncsafe(body.AsSpan(position + 4)),
                _ => BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(position + 4)),
            };
            var formatFlags = major >= 3 ? body[position + 9] : 0;
            position += headerLength;
            if (frameSize <= 0 || frameSize > body.Length - position)
                break;
            var data = body.AsSpan(position, frameSize);
            position += frameSize;
            if (major == 4)
            {
                if ((formatFlags & 0x0C) != 0)
                    continue; // compressed or encrypted
                if ((formatFlags & 0x01) != 0 && data.Length >= 4)
                    data = data[4..]; // data length indicator
                if ((formatFlags & 0x02) != 0)
                    data = RemoveUnsynchronisation(data.ToArray());
            }
            else if (major == 3 && (formatFlags & 0xC0) != 0)
            {
                continue;
            }
            switch (id)
            {
                case "TIT2" or "TT2":
                    title ??= Text(data);
                    break;
                case "TPE1" or "TP1":
                    artist ??= Text(data);
                    break;
                case "TCON" or "TCO":
                    genre ??= GenreFromText(Text(data));
                    break;
            }
        }
        return new Id3Tags(title, artist, genre);
    }

    private static int Syncsafe(ReadOnlySpan<byte> b) => (b[0] & 0x7F) << 21 | (b[1] & 0x7F) << 14 | (b[2] & 0x7F) << 7 | (b[3] & 0x7F);

    /// <summary>Undoes ID3 unsynchronisation: every 0xFF 0x00 pair was written for a plain 0xFF.</summary>
    private static byte[] RemoveUnsynchronisation(byte[] data)
    {
        var output = new byte[data.Length];
        var n = 0;
        for (var i = 0; i < data.Length; i++)
        {
            output[n++] = data[i];
            if (data[i] == 0xFF && i + 1 < data.Length && data[i + 1] == 0)
                i++;
        }
        return output[..n];
    }

    private static string? Text(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
            return null;
        var payload = data[1..];
        var text = data[0] switch
        {
            1 => DecodeUtf16(payload),
            2 => Encoding.BigEndianUnicode.GetString(payload[..(payload.Length & ~1)]),
            3 => Encoding.UTF8.GetString(payload),
            _ => Encoding.Latin1.GetString(payload),
        };
        // Several values are separated by NUL; the first is the one to show.
        var nul = text.IndexOf('\0');
        if (nul >= 0)
            text = text[..nul];
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> payload)
    {
        if (payload.Length >= 2 && payload[0] == 0xFE && payload[1] == 0xFF)
            return Encoding.BigEndianUnicode.GetString(payload[2..][..((payload.Length - 2) & ~1)]);
        if (payload.Length >= 2 && payload[0] == 0xFF && payload[1] == 0xFE)
            payload = payload[2..];
        return Encoding.Unicode.GetString(payload[..(payload.Length & ~1)]);
    }

    private static string? Latin1(ReadOnlySpan<byte> field)
    {
        var text = Encoding.Latin1.GetString(field);
        var nul = text.IndexOf('\0');
        if (nul >= 0)
            text = text[..nul];
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    private static string? GenreName(int number) => number < Genres.Length ? Genres[number] : null;

    /// <summary>TCON may hold "(18)", "18", "(18)Techno" or plain text.</summary>
    private static string? GenreFromText(string? text)
    {
        if (text is null)
            return null;
        if (text.StartsWith('(') && text.IndexOf(')') is > 1 and var close)
        {
            var rest = text[(close + 1)..].Trim();
            if (rest.Length > 0)
                return rest;
            return int.TryParse(text[1..close], out var number) ? GenreName(number) ?? text : text;
        }
        return int.TryParse(text, out var plain) ? GenreName(plain) ?? text : text;
    }
}
