using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Dsp.Tests.Features.Reference;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public sealed class LibrosaBeatTrackerTests
{
    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Tempo_is_librosas_within_a_tenth_of_a_bpm(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.Equal(reference.TempoBpm, ours.TempoBpm, 0.1);
    }

    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Beat_frames_are_librosas(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.Equal(reference.BeatFrames, ours.BeatFrames);
    }

    [Fact]
    public void An_envelope_without_onsets_has_no_tempo_and_no_beats()
    {
        var beats = new LibrosaBeatTracker().Track(new float[500]);

        Assert.Equal(0, beats.TempoBpm);
        Assert.Empty(beats.BeatFrames);
    }

    [Fact]
    public void A_pulse_every_21_frames_reads_as_123_bpm()
    {
        var envelope = new float[600];
        for (var t = 5; t < envelope.Length; t += 21) envelope[t] = 10;

        var beats = new LibrosaBeatTracker().Track(envelope);

        Assert.Equal(60.0 * 22050 / (512 * 21), beats.TempoBpm, 1e-9);
        Assert.All(beats.BeatFrames, b => Assert.Equal(5, b % 21));
    }
}
