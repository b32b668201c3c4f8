using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Infrastructure;
using Tinjau.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTinjauAuthentication(audience: "inspections");
builder.AddServiceDatabase<InspectionsDb>(ResourceNames.InspectionsDb, configureDbContextOptions: o => o.UseSnakeCaseNamingConvention());
builder.AddServiceCache(keyPrefix: "inspections:");
builder.AddMessaging<InspectionsDb>();
builder.AddInspections();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference();

app.MapDefaultEndpoints();
app.MapInspectionsApis();

await app.MigrateDbContextAsync<InspectionsDb>(SeedData.SeedAsync);
await app.RunAsync();

public partial class Program;
