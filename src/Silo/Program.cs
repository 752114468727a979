using GenreOrleans.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Serilog;

// The dedicated silo: the Web connects to it with Orleans:Mode=Client.
var builder = Host.CreateApplicationBuilder(args);
var logFile = Path.Combine(DataDirectory.Resolve(builder.Configuration), "logs", "silo-.log");
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .WriteTo.Console()
    .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14));
builder.UseGenreOrleansSilo();
builder.Build().Run();
