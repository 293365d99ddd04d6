//! A list with every item described: what a list page shows, in one call instead of a List
//! and a Describe per item. The engine's own List and Describe run, so the items, their
//! order and who may see them are exactly theirs.

use mesh_engine::names::ResourceName;
use mesh_engine::store::Store;
use mesh_engine::{ApiError, Engine, MeshAddress};
use serde::Serialize;

/// Which list: a kind of the mesh, or the routes of a router, the gateway routes of a gateway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DescribedList {
    VirtualServices,
    VirtualNodes,
    VirtualRouters,
    VirtualGateways,
    Routes(ResourceName),
    GatewayRoutes(ResourceName),
}

/// `{"items": [...]}`, each item the data object its Describe answers.
#[derive(Serialize)]
struct Items<T> {
    items: Vec<T>,
}

/// Every item of the list, in List order (all pages: quotas keep a list within 200).
pub fn described<S: Store + ?Sized>(engine: &mut Engine<'_, S>, mesh: &MeshAddress, list: &DescribedList) -> Result<String, ApiError> {
    match list {
        DescribedList::VirtualServices => json(all(
            engine,
            |engine, token| engine.list_virtual_services(mesh, None, token).map(|page| (page.virtual_services, page.next_token)),
            |engine, item| engine.describe_virtual_service(mesh, &item.virtual_service_name),
        )?),
        DescribedList::VirtualNodes => json(all(
            engine,
            |engine, token| engine.list_virtual_nodes(mesh, None, token).map(|page| (page.virtual_nodes, page.next_token)),
            |engine, item| engine.describe_virtual_node(mesh, &item.virtual_node_name),
        )?),
        DescribedList::VirtualRouters => json(all(
            engine,
            |engine, token| engine.list_virtual_routers(mesh, None, token).map(|page| (page.virtual_routers, page.next_token)),
            |engine, item| engine.describe_virtual_router(mesh, &item.virtual_router_name),
        )?),
        DescribedList::VirtualGateways => json(all(
            engine,
            |engine, token| engine.list_virtual_gateways(mesh, None, token).map(|page| (page.virtual_gateways, page.next_token)),
            |engine, item| engine.describe_virtual_gateway(mesh, &item.virtual_gateway_name),
        )?),
        DescribedList::Routes(router) => json(all(
            engine,
            |engine, token| engine.list_routes(mesh, router, None, token).map(|page| (page.routes, page.next_token)),
            |engine, item| engine.describe_route(mesh, router, &item.route_name),
        )?),
        DescribedList::GatewayRoutes(gateway) => json(all(
            engine,
            |engine, token| engine.list_gateway_routes(mesh, gateway, None, token).map(|page| (page.gateway_routes, page.next_token)),
            |engine, item| engine.describe_gateway_route(mesh, gateway, &item.gateway_route_name),
        )?),
    }
}

type Page<R> = (Vec<R>, Option<String>);

/// Lists page after page, describing each item as it comes.
fn all<S: Store + ?Sized, R, D>(
    engine: &mut Engine<'_, S>,
    list: impl Fn(&mut Engine<'_, S>, Option<&str>) -> Result<Page<R>, ApiError>,
    describe: impl Fn(&mut Engine<'_, S>, &R) -> Result<D, ApiError>,
) -> Result<Items<D>, ApiError> {
    let mut items = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let (page, next) = list(engine, token.as_deref())?;
        for item in &page {
            items.push(describe(engine, item)?);
        }
        match next {
            Some(next) => token = Some(next),
            None => return Ok(Items { items }),
        }
    }
}

fn json(answer: Items<impl Serialize>) -> Result<String, ApiError> {
    crate::run::json(&answer)
}
