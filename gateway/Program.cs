using Tinjau.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayAuthentication();
builder.AddGatewayRateLimiting();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddConfigFilter<ClusterDefaults>()
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();

app.UseHeaderCheck();
app.UseClientAddress();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapReverseProxy(ClusterDefaults.UseUnavailableProblems);

app.Run();

public partial class Program;
