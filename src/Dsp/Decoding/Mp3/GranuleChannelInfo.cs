namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>Side information of one channel in one granule (ISO/IEC 11172-3 2.4.1.7).</summary>
internal struct GranuleChannelInfo
{
    public int Part23Length;
    public int BigValues;
    public int GlobalGain;
    public int ScalefacCompress;
    public bool WindowSwitching;
    public int BlockType;
    public bool MixedBlock;
    public int TableSelect0;
    public int TableSelect1;
    public int TableSelect2;
    public int SubblockGain0;
    public int SubblockGain1;
    public int SubblockGain2;
    public int Region0Count;
    public int Region1Count;
    public bool Preflag;
    public bool ScalefacScale;
    public bool Count1TableB;

    public readonly bool IsShort => BlockType == 2;
}
