using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public class TempoEnvelopesTests
{
    [Fact]
    public void Onset_is_the_mean_positive_db_rise_over_all_bands()
    {
        // Two bands, three frames: band 0 rises 10 dB then falls, band 1 rises 4 then 2 dB.
        var mel = new FeatureMatrix(2, 3, [-50, -40, -60, -30, -26, -24]);

        var envelopes = TempoEnvelopes.FromLogMel(mel);

        Assert.Equal([0f, 7f, 1f], envelopes.Onset);
    }

    [Fact]
    public void Kick_rises_land_in_the_low_band_and_snare_rises_in_the_mid_band()
    {
        const int bands = 128, frames = 3;
        var data = Enumerable.Repeat(-80f, bands * frames).ToArray();
        // Frame 1: a rise in band 2 (about 60 Hz); frame 2: a rise in band 40 (about 1 kHz).
        data[2 * frames + 1] = -20;
        data[2 * frames + 2] = -20;
        data[40 * frames + 2] = -20;

        var envelopes = TempoEnvelopes.FromLogMel(new FeatureMatrix(bands, frames, data));

        Assert.True(envelopes.LowBand[1] > 0);
        Assert.Equal(0, envelopes.MidBand[1]);
        Assert.True(envelopes.MidBand[2] > 0);
        Assert.Equal(0, envelopes.LowBand[2]);
    }

    [Fact]
    public void Ignores_nan_rises()
    {
        var mel = new FeatureMatrix(1, 3, [-50, float.NaN, -40]);

        var envelopes = TempoEnvelopes.FromLogMel(mel);

        Assert.All(envelopes.Onset, v => Assert.True(float.IsFinite(v)));
    }
}
