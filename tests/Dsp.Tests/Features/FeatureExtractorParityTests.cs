using GenreOrleans.Dsp.Tests.Features.Reference;

namespace GenreOrleans.Dsp.Tests.Features;

/// <summary>
/// Every feature of <see cref="GenreOrleans.Dsp.Features.FeatureExtractor"/> against librosa 0.10.1 on the
/// reference fixtures, with the tolerances. Relative features, contrast, chroma and ZCR are
/// judged in frames whose reference RMS exceeds 1e-4.
/// </summary>
public sealed class FeatureExtractorParityTests
{
    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Mel_db_is_within_a_hundredth_of_a_db(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.InRange(Compare.MaxAbsoluteError(reference.Frames["melspectrogram_db"], ours.MelDb), 0, 0.01);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Mfcc_20_is_within_a_hundredth(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.InRange(Compare.MaxAbsoluteError(reference.Frames["mfcc_20"], ours.Mfcc20), 0, 0.01);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Mfcc_13_is_within_a_hundredth(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.Equal(13, ours.Mfcc13.Rows);
        Assert.InRange(Compare.MaxAbsoluteError(reference.Frames["mfcc_13"], ours.Mfcc13), 0, 0.01);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Spectral_centroid_is_within_a_tenth_of_a_percent(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.InRange(Compare.MaxRelativeError(reference.Frames["spectral_centroid"], ours.SpectralCentroid, reference.IsAudible), 0, 1e-3);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Spectral_bandwidth_is_within_a_tenth_of_a_percent(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.InRange(Compare.MaxRelativeError(reference.Frames["spectral_bandwidth"], ours.SpectralBandwidth, reference.IsAudible), 0, 1e-3);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Spectral_rolloff_is_within_a_tenth_of_a_percent_but_for_rare_one_bin_steps(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        var expected = reference.Frames["spectral_rolloff"][0];
        var binHz = 22050.0 / 2048;
        int judged = 0, oneBinOff = 0;
        for (var t = 0; t < expected.Length; t++)
        {
            if (!reference.IsAudible(t)) continue;
            judged++;
            var error = Math.Abs(expected[t] - ours.SpectralRolloff[0, t]);
            if (error <= 1e-3 * Math.Abs(expected[t])) continue;
            Assert.InRange(error, 0, binHz * 1.001);
            oneBinOff++;
        }
        Assert.InRange(oneBinOff, 0, 0.02 * judged);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Spectral_contrast_is_within_two_hundredths_of_a_db(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.Equal(7, ours.SpectralContrast.Rows);
        Assert.InRange(Compare.MaxAbsoluteError(reference.Frames["spectral_contrast"], ours.SpectralContrast, reference.IsAudible), 0, 0.02);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Zero_crossing_rate_counts_the_same_crossings(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        var expected = reference.Frames["zero_crossing_rate"][0];
        for (var t = 0; t < expected.Length; t++)
            if (reference.IsAudible(t))
                Assert.Equal(Math.Round(expected[t] * 2048), Math.Round(ours.ZeroCrossingRate[0, t] * 2048.0));
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Rms_is_within_a_tenth_of_a_percent(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.InRange(Compare.MaxRelativeError(reference.Frames["rms"], ours.Rms, reference.IsAudible), 0, 1e-3);
    }

    [SkippableFact]
    public void Long_input_path_with_a_tuning_pre_pass_gives_the_same_features()
    {
        var reference = LibrosaReference.Load("drums120_22050_mono_s16");
        var stored = new GenreOrleans.Dsp.Features.FeatureExtractor().Extract(reference.Samples);

        // Forcing the pre-pass (as for inputs over 8,192 frames) must not change any value.
        var prePass = new GenreOrleans.Dsp.Features.FeatureExtractor(maxStoredFrames: 16).Extract(reference.Samples);

        Assert.Equal(stored.Tuning, prePass.Tuning);
        Assert.Equal(stored.Chroma.Data, prePass.Chroma.Data);
        Assert.Equal(stored.MelDb.Data, prePass.MelDb.Data);
    }
}
