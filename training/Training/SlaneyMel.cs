namespace GenreOrleans.Training.Training;

/// <summary>The Slaney mel scale (librosa's default, <c>htk=False</c>): linear to 1 kHz, logarithmic above.</summary>
internal static class SlaneyMel
{
    public static double FromHz(double hz) => hz < 1000 ? 3 * hz / 200 : 15 + 27 * Math.Log(hz / 1000) / Math.Log(6.4);

    public static double ToHz(double mel) => mel < 15 ? 200 * mel / 3 : 1000 * Math.Exp((mel - 15) * Math.Log(6.4) / 27);

    /// <summary>Centre frequencies of <paramref name="bands"/> mel bands between 0 Hz and <paramref name="maxHz"/>, as librosa lays them out.</summary>
    public static double[] BandCentres(int bands, double maxHz)
    {
        var top = FromHz(maxHz);
        return Enumerable.Range(1, bands).Select(i => ToHz(top * i / (bands + 1))).ToArray();
    }
}
