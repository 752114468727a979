namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>Choices where reference decoders disagree with each other or with the standard.</summary>
public sealed record Mp3DecoderOptions
{
    public static Mp3DecoderOptions Default { get; } = new();

    /// <summary>
    /// MPEG-2 LSF intensity stereo: mpg123 treats intensity position 7 as "not intensity coded" in every band,
    /// whatever the band's scale factor length; ISO/IEC 13818-3 2.4.3.2 uses the largest value of each band's
    /// field (2^slen - 1). False (the default) follows the standard; true reproduces mpg123 bit for bit, which
    /// the comparison tests use on files whose intensity bands differ between the two rules.
    /// </summary>
    public bool Mpg123LsfIntensity { get; init; }
}
