namespace GenreOrleans.Dsp.Tonal;

/// <summary>Published key profiles (weights of the 12 pitch classes above the tonic) that <see cref="KeyDetector"/> correlates with.</summary>
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
}
