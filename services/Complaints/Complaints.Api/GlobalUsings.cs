// The namespaces every file of this service uses.
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using System.Security.Claims;
global using Tinjau.Complaints.Api.Apis;
global using Tinjau.Complaints.Api.Application;
global using Tinjau.Complaints.Api.Data;
global using Tinjau.Complaints.Api.Domain;
global using Tinjau.Complaints.Api.Infrastructure;
global using Tinjau.Complaints.Api.IntegrationEvents;
global using Tinjau.Messaging;
