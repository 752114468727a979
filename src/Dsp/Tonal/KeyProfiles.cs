namespace GenreOrleans.Dsp.Tonal;

/// <summary>The numbers behind <see cref="KeyProfile"/>: index 0 is the tonic, 7 the fifth.</summary>
public static class KeyProfiles
{
    private static readonly double[] KrumhanslMajor = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
    private static readonly double[] KrumhanslMinor = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];
    private static readonly double[] TemperleyMajor = [5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0];
    private static readonly double[] TemperleyMinor = [5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0];
    private static readonly double[] ShaathMajor = [6.6, 2.0, 3.5, 2.3, 4.6, 4.0, 2.5, 5.2, 2.4, 3.7, 2.3, 3.4];
    private static readonly double[] ShaathMinor = [6.5, 2.7, 3.5, 5.4, 2.6, 3.5, 2.5, 5.2, 4.0, 2.7, 4.3, 3.2];
    private static readonly double[] EdmaMajor = [0.1652, 0.0475, 0.0829, 0.0669, 0.0999, 0.0927, 0.0529, 0.1316, 0.0522, 0.0744, 0.0694, 0.0643];
    private static readonly double[] EdmaMinor = [0.1724, 0.0534, 0.0761, 0.1004, 0.0562, 0.0853, 0.0498, 0.1345, 0.0746, 0.0500, 0.0919, 0.0555];

    // KeyProfile.Fitted: `bench tempokey --fit-key` prints these (docs/tempo-key.md, "Key").
    private static readonly double[] FittedMajor = [4.7581, -2.5446, 2.1644, -2.0528, 2.8571, 0.2355, -3.1504, 3.0587, -1.1485, -0.4410, -3.7010, 0.0022];
    private static readonly double[] FittedMinor = [3.5803, -0.6110, -0.6161, 1.4358, 0.1139, -0.6894, -1.7001, 2.6498, -0.7310, -2.7503, 0.9175, -1.3717];

    /// <summary>What <see cref="KeyProfile.Fitted"/> adds to every minor key's score (its data are mostly minor).</summary>
    public const double FittedMinorOffset = 3.0946;

    /// <summary>The major and minor profile of <paramref name="profile"/>, each 12 values from the tonic up.</summary>
    public static (double[] Major, double[] Minor) Get(KeyProfile profile) => profile switch
    {
        KeyProfile.Krumhansl => (KrumhanslMajor, KrumhanslMinor),
        KeyProfile.Temperley => (TemperleyMajor, TemperleyMinor),
        KeyProfile.Shaath => (ShaathMajor, ShaathMinor),
        KeyProfile.ElectronicDanceMusic => (EdmaMajor, EdmaMinor),
        KeyProfile.Blend => (Blend(KrumhanslMajor, TemperleyMajor, ShaathMajor, EdmaMajor),
                             Blend(KrumhanslMinor, TemperleyMinor, ShaathMinor, EdmaMinor)),
        KeyProfile.Fitted => (FittedMajor, FittedMinor),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    private static double[] Blend(params double[][] profiles)
    {
        var blend = new double[12];
        foreach (var p in profiles)
        {
            var mean = p.Average();
            for (var i = 0; i < 12; i++) blend[i] += p[i] / mean / profiles.Length;
        }
        return blend;
    }
}
