namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>The MPEG audio version of a frame; 2 and 2.5 are the low-sampling-frequency (LSF) extensions.</summary>
public enum MpegVersion
{
    Mpeg1,
    Mpeg2,
    Mpeg25,
}
