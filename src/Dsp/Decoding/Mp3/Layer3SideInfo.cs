namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>The side information of a Layer III frame: where its main data begins and how each granule is coded.</summary>
internal sealed class Layer3SideInfo
{
    public int MainDataBegin;

    /// <summary>Scale factor selection information, [channel * 4 + band group] (MPEG-1 only).</summary>
    public readonly bool[] Scfsi = new bool[8];

    /// <summary>[granule * 2 + channel].</summary>
    public readonly GranuleChannelInfo[] Granules = new GranuleChannelInfo[4];

    /// <summary>Reads the side information that follows the header (and CRC) of a frame.</summary>
    /// <returns>False when a field holds a value the standard forbids (then the frame is skipped).</returns>
    public bool Read(ReadOnlySpan<byte> bytes, Mp3FrameHeader header)
    {
        var bits = new SideInfoBits(bytes);
        var channels = header.Channels;
        var lsf = header.IsLsf;
        MainDataBegin = bits.Read(lsf ? 8 : 9);
        bits.Skip(lsf ? (channels == 1 ? 1 : 2) : (channels == 1 ? 5 : 3));
        if (!lsf)
        {
            for (var ch = 0; ch < channels; ch++)
            {
                for (var band = 0; band < 4; band++)
                    Scfsi[ch * 4 + band] = bits.Read(1) == 1;
            }
        }
        var granules = lsf ? 1 : 2;
        for (var gr = 0; gr < granules; gr++)
        {
            for (var ch = 0; ch < channels; ch++)
            {
                ref var g = ref Granules[gr * 2 + ch];
                g.Part23Length = bits.Read(12);
                g.BigValues = bits.Read(9);
                g.GlobalGain = bits.Read(8);
                g.ScalefacCompress = bits.Read(lsf ? 9 : 4);
                g.WindowSwitching = bits.Read(1) == 1;
                if (g.WindowSwitching)
                {
                    g.BlockType = bits.Read(2);
                    g.MixedBlock = bits.Read(1) == 1;
                    g.TableSelect0 = bits.Read(5);
                    g.TableSelect1 = bits.Read(5);
                    g.TableSelect2 = 0;
                    g.SubblockGain0 = bits.Read(3);
                    g.SubblockGain1 = bits.Read(3);
                    g.SubblockGain2 = bits.Read(3);
                    if (g.BlockType == 0)
                        return false; // block type 0 with window switching is forbidden
                    // Implicit region counts: region 1 reaches the end of the big values.
                    g.Region0Count = g.BlockType == 2 && !g.MixedBlock ? 8 : 7;
                    g.Region1Count = 36;
                }
                else
                {
                    g.BlockType = 0;
                    g.MixedBlock = false;
                    g.TableSelect0 = bits.Read(5);
                    g.TableSelect1 = bits.Read(5);
                    g.TableSelect2 = bits.Read(5);
                    g.SubblockGain0 = g.SubblockGain1 = g.SubblockGain2 = 0;
                    g.Region0Count = bits.Read(4);
                    g.Region1Count = bits.Read(3);
                }
                g.Preflag = !lsf && bits.Read(1) == 1;
                g.ScalefacScale = bits.Read(1) == 1;
                g.Count1TableB = bits.Read(1) == 1;
                if (g.BigValues > 288)
                    g.BigValues = 288; // more pairs than lines: corrupt, keep what fits
            }
        }
        return true;
    }

    /// <summary>A small big-endian bit cursor over the side information bytes.</summary>
    private ref struct SideInfoBits(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public int Read(int count)
        {
            var value = 0;
            for (var i = 0; i < count; i++, _position++)
                value = value << 1 | (_bytes[_position >> 3] >> (7 - (_position & 7)) & 1);
            return value;
        }

        public void Skip(int count) => _position += count;
    }
}
