namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The scale factors of one channel in one granule, plus, for MPEG-2 LSF, the largest value each band's
/// field could hold (an intensity position equal to it means "not intensity coded", 13818-3 2.4.3.2).
/// </summary>
internal sealed class ScaleFactors
{
    /// <summary>Long-block scale factor per band 0..21 (band 21 has none and stays 0).</summary>
    public readonly int[] Long = new int[22];

    /// <summary>Short-block scale factor per band 0..12 and window, index band * 3 + window.</summary>
    public readonly int[] Short = new int[39];

    public readonly int[] LongMax = new int[22];
    public readonly int[] ShortMax = new int[39];

    /// <summary>MPEG-2 intensity-stereo scale (1 means steps of 2^-1/2, 0 steps of 2^-1/4).</summary>
    public int IntensityScale;

    private static readonly int[] Slen1 = [0, 0, 0, 0, 3, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4];
    private static readonly int[] Slen2 = [0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 2, 3];

    /// <summary>Number of scale factor bands in each of the four LSF groups, [table][long, short, mixed][group].</summary>
    private static readonly int[,,] LsfBandCounts =
    {
        { { 6, 5, 5, 5 }, { 9, 9, 9, 9 }, { 6, 9, 9, 9 } },
        { { 6, 5, 7, 3 }, { 9, 9, 12, 6 }, { 6, 9, 12, 6 } },
        { { 11, 10, 0, 0 }, { 18, 18, 0, 0 }, { 15, 18, 0, 0 } },
        { { 7, 7, 7, 0 }, { 12, 12, 12, 0 }, { 6, 15, 12, 0 } },
        { { 6, 6, 6, 3 }, { 12, 9, 9, 6 }, { 6, 12, 9, 6 } },
        { { 8, 8, 5, 0 }, { 15, 12, 9, 0 }, { 6, 18, 9, 0 } },
    };

    private readonly int[] _sequence = new int[40];
    private readonly int[] _sequenceMax = new int[40];

    /// <summary>MPEG-1 scale factors (11172-3 2.4.2.7); with scfsi, granule 1 keeps granule 0's bands.</summary>
    public void ReadMpeg1(MainDataReader reader, in GranuleChannelInfo info, ReadOnlySpan<bool> scfsi, int granule)
    {
        var slen1 = Slen1[info.ScalefacCompress];
        var slen2 = Slen2[info.ScalefacCompress];
        if (info.IsShort)
        {
            var sfb = 0;
            if (info.MixedBlock)
            {
                for (; sfb < 8; sfb++)
                    Long[sfb] = reader.Read(slen1);
                sfb = 3;
            }
            for (; sfb < 6; sfb++)
            {
                for (var w = 0; w < 3; w++)
                    Short[sfb * 3 + w] = reader.Read(slen1);
            }
            for (; sfb < 12; sfb++)
            {
                for (var w = 0; w < 3; w++)
                    Short[sfb * 3 + w] = reader.Read(slen2);
            }
            Short[36] = Short[37] = Short[38] = 0;
            return;
        }

        ReadGroup(reader, 0, 6, slen1, granule == 1 && scfsi[0]);
        ReadGroup(reader, 6, 11, slen1, granule == 1 && scfsi[1]);
        ReadGroup(reader, 11, 16, slen2, granule == 1 && scfsi[2]);
        ReadGroup(reader, 16, 21, slen2, granule == 1 && scfsi[3]);
        Long[21] = 0;
    }

    private void ReadGroup(MainDataReader reader, int from, int to, int slen, bool keep)
    {
        if (keep)
            return;
        for (var sfb = from; sfb < to; sfb++)
            Long[sfb] = reader.Read(slen);
    }

    /// <summary>MPEG-2 LSF scale factors (13818-3 2.4.3.2); the right channel of intensity stereo codes them differently.</summary>
    public void ReadLsf(MainDataReader reader, ref GranuleChannelInfo info, bool intensityRightChannel)
    {
        Span<int> slen = stackalloc int[4];
        int table;
        var sfc = info.ScalefacCompress;
        if (intensityRightChannel)
        {
            IntensityScale = sfc & 1;
            var isc = sfc >> 1;
            if (isc < 180)
            {
                slen[0] = isc / 36; slen[1] = isc % 36 / 6; slen[2] = isc % 36 % 6; slen[3] = 0; table = 3;
            }
            else if (isc < 244)
            {
                isc -= 180;
                slen[0] = (isc & 63) >> 4; slen[1] = (isc & 15) >> 2; slen[2] = isc & 3; slen[3] = 0; table = 4;
            }
            else
            {
                isc -= 244;
                slen[0] = isc / 3; slen[1] = isc % 3; slen[2] = slen[3] = 0; table = 5;
            }
            info.Preflag = false;
        }
        else
        {
            if (sfc < 400)
            {
                slen[0] = (sfc >> 4) / 5; slen[1] = (sfc >> 4) % 5; slen[2] = (sfc & 15) >> 2; slen[3] = sfc & 3; table = 0;
                info.Preflag = false;
            }
            else if (sfc < 500)
            {
                sfc -= 400;
                slen[0] = (sfc >> 2) / 5; slen[1] = (sfc >> 2) % 5; slen[2] = sfc & 3; slen[3] = 0; table = 1;
                info.Preflag = false;
            }
            else
            {
                sfc -= 500;
                slen[0] = sfc / 3; slen[1] = sfc % 3; slen[2] = slen[3] = 0; table = 2;
                info.Preflag = true;
            }
        }

        var kind = info.IsShort ? (info.MixedBlock ? 2 : 1) : 0;
        var count = 0;
        for (var group = 0; group < 4; group++)
        {
            var bands = LsfBandCounts[table, kind, group];
            var max = (1 << slen[group]) - 1;
            for (var i = 0; i < bands; i++, count++)
            {
                _sequence[count] = reader.Read(slen[group]);
                _sequenceMax[count] = max;
            }
        }
        for (var i = count; i < _sequence.Length; i++)
        {
            _sequence[i] = 0;
            _sequenceMax[i] = 0;
        }

        if (!info.IsShort)
        {
            for (var sfb = 0; sfb < 21; sfb++)
            {
                Long[sfb] = _sequence[sfb];
                LongMax[sfb] = _sequenceMax[sfb];
            }
            Long[21] = 0;
            LongMax[21] = LongMax[20];
            return;
        }
        var next = 0;
        var firstShort = 0;
        if (info.MixedBlock)
        {
            for (var sfb = 0; sfb < 6; sfb++, next++)
            {
                Long[sfb] = _sequence[next];
                LongMax[sfb] = _sequenceMax[next];
            }
            firstShort = 3;
        }
        for (var sfb = firstShort; sfb < 12; sfb++)
        {
            for (var w = 0; w < 3; w++, next++)
            {
                Short[sfb * 3 + w] = _sequence[next];
                ShortMax[sfb * 3 + w] = _sequenceMax[next];
            }
        }
        for (var w = 0; w < 3; w++)
        {
            Short[36 + w] = 0;
            ShortMax[36 + w] = ShortMax[33 + w];
        }
    }
}
