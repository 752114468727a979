using GenreOrleans.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Serilog;

// The dedicated silo: the Web connects to it with Orleans:Mode=Client.
// Content root = the binaries, so appsettings.json is found whatever the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var logFile = Path.Combine(DataDirectory.Resolve(builder.Configuration), "logs", "silo-.log");
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .WriteTo.Console()
    .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14));
builder.UseGenreOrleansSilo();
builder.Build().Run();
