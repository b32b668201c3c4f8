// The namespaces every file of this service uses.
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.EntityFrameworkCore;
global using OpenIddict.Abstractions;
global using System.Security.Claims;
global using Tinjau.Identity.Api.Apis;
global using Tinjau.Identity.Api.Data;
global using Tinjau.Identity.Api.Domain;
global using Tinjau.Identity.Api.Infrastructure;
