namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>The channel mode field of an MPEG audio header, in its bit order.</summary>
public enum ChannelMode
{
    Stereo = 0,
    JointStereo = 1,
    DualChannel = 2,
    Mono = 3,
}
