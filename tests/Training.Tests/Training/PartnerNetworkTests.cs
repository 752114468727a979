using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

public sealed class PartnerNetworkTests
{
    [Fact]
    public void A_description_names_the_front_end_the_gru_the_width_and_the_epochs()
    {
        var partner = PartnerNetwork.Parse("FullResolution, no-gru, width=0.5, epochs=20");

        Assert.Equal(new PartnerNetwork(ConvFrontEnd.FullResolution, false, 0.5, 20), partner);
    }

    [Fact]
    public void What_a_description_leaves_out_is_the_strided_gru_network_at_the_runs_epochs()
    {
        Assert.Equal(new PartnerNetwork(ConvFrontEnd.Strided, true, 1, null), PartnerNetwork.Parse("width=1"));
    }

    [Theory]
    [InlineData("Sideways")]
    [InlineData("width=9")]
    [InlineData("epochs=-3")]
    [InlineData("gru=yes")]
    public void An_unknown_or_out_of_range_part_is_refused_by_name(string description)
    {
        var error = Assert.Throws<FormatException>(() => PartnerNetwork.Parse(description));

        Assert.Contains($"'{description}'", error.Message);
    }

    [Fact]
    public void The_partner_trains_after_the_alike_networks_with_its_own_shape_and_epochs()
    {
        var options = new TrainingOptions { Epochs = 50, Networks = 1, Partner = PartnerNetwork.Parse("FullResolution,no-gru,width=0.5,epochs=20") };

        var first = options.ForMember(0);
        var partner = options.ForMember(1);

        Assert.Equal(2, options.MemberCount);
        Assert.Same(options, first);
        Assert.Equal((ConvFrontEnd.FullResolution, false, 0.5, 20), (partner.FrontEnd, partner.Recurrent, partner.Width, partner.Epochs));
        Assert.Null(partner.Partner);
        Assert.Equal(8, partner.NetworkShape(WindowParameters.Default, 256, 3).ConvChannels1);
    }
}
