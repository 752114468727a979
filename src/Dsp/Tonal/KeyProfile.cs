namespace GenreOrleans.Dsp.Tonal;

/// <summary>Key profiles (weights of the 12 pitch classes above the tonic) that <see cref="KeyDetector"/> compares a clip's pitch-class profile with: published ones, and our fitted pair.</summary>
public enum KeyProfile
{
    /// <summary>Krumhansl and Kessler's probe-tone ratings (1982): the classic baseline.</summary>
    Krumhansl,

    /// <summary>Temperley's revised profiles (Music Perception 17(1), 1999).</summary>
    Temperley,

    /// <summary>Shaath's adjustment of Krumhansl's profiles for popular and electronic music (2011).</summary>
    Shaath,

    /// <summary>Faraldo et al.'s profiles learnt from electronic dance music ("edma", ECIR 2016).</summary>
    ElectronicDanceMusic,

    /// <summary>The mean of the four profiles above after scaling each to unit mean: robust across styles.</summary>
    Blend,

    /// <summary>
    /// Templates fitted to annotated recordings (popular music of many styles and electronic dance
    /// music) as a conditional logit over the 24 keys, starting from Faraldo's EDM profile, with an
    /// offset for minor keys; the confidence is then a probability. The default since 27 Nov 2026;
    /// docs/tempo-key.md says how it was fitted and measured.
    /// </summary>
    Fitted,
}
