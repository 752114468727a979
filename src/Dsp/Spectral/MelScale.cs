namespace GenreOrleans.Dsp.Spectral;

/// <summary>Slaney's mel scale (linear below 1 kHz, logarithmic above), as librosa with <c>htk=False</c>.</summary>
public static class MelScale
{
    private const double LinearStep = 200.0 / 3;
    private const double LogStartHz = 1000.0;
    private const double LogStartMel = LogStartHz / LinearStep;
    private static readonly double LogStep = Math.Log(6.4) / 27.0;

    public static double HzToMel(double hz) =>
        hz >= LogStartHz ? LogStartMel + Math.Log(hz / LogStartHz) / LogStep : hz / LinearStep;

    public static double MelToHz(double mel) =>
        mel >= LogStartMel ? LogStartHz * Math.Exp(LogStep * (mel - LogStartMel)) : LinearStep * mel;
}
