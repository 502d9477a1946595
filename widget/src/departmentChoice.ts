// SPDX-License-Identifier: GPL-3.0-or-later
// The department choice shown before the chat starts on a site with several departments: one button
// per department (Tab or the arrow keys move between them, Enter or Space picks), each saying when
// nobody in it is online, so the visitor knows the choice leads to the offline form.

import { el } from "./dom";
import type { Department } from "./protocol";
import type { Strings } from "./strings";

export class DepartmentChoice {
    readonly element: HTMLElement;
    private readonly list: HTMLUListElement;
    private readonly buttons = new Map<number, HTMLButtonElement>();

    constructor(private readonly strings: Strings, private readonly onChoose: (departmentId: number) => void) {
        this.element = el("div", "cw-departments", {
            role: "group",
            "aria-labelledby": "cw-departments-title",
            "data-testid": "concierge-departments",
        });
        const title = el("p", "cw-departments-title", { id: "cw-departments-title" });
        title.textContent = strings.chooseDepartment;
        this.list = el("ul", "cw-department-list");
        this.list.addEventListener("keydown", (e) => this.moveFocus(e));
        this.element.append(title, this.list);
    }

    setDepartments(departments: readonly Department[]): void {
        const keep = new Set<number>();
        let previous: Element | null = null;
        for (const department of departments) {
            keep.add(department.id);
            let button = this.buttons.get(department.id);
            if (!button) {
                button = this.createButton(department.id);
                this.buttons.set(department.id, button);
            }
            this.updateButton(button, department);
            const item = button.parentElement as HTMLLIElement;
            const expected: Element | null = previous ? previous.nextElementSibling : this.list.firstElementChild;
            if (expected !== item) this.list.insertBefore(item, expected);
            previous = item;
        }
        for (const [id, button] of Array.from(this.buttons)) {
            if (!keep.has(id)) {
                button.parentElement?.remove();
                this.buttons.delete(id);
            }
        }
    }

    focus(): void {
        (this.list.querySelector("button") as HTMLButtonElement | null)?.focus();
    }

    private createButton(id: number): HTMLButtonElement {
        const item = el("li", "cw-department-item");
        const button = el("button", "cw-department", {
            type: "button",
            "data-testid": "concierge-department",
            "data-department-id": String(id),
        });
        button.append(el("span", "cw-department-name"), el("span", "cw-department-note"));
        button.addEventListener("click", () => this.onChoose(id));
        item.append(button);
        return button;
    }

    private updateButton(button: HTMLButtonElement, department: Department): void {
        const [name, note] = Array.from(button.children) as HTMLElement[];
        name.textContent = department.name;
        note.textContent = department.available ? "" : this.strings.departmentUnavailable;
        note.hidden = department.available;
        button.dataset.available = String(department.available);
    }

    /** Up/Down (and Home/End) walk the buttons, as in a menu; Tab keeps working as usual. */
    private moveFocus(e: KeyboardEvent): void {
        const buttons = Array.from(this.list.querySelectorAll("button"));
        const root = this.element.getRootNode() as Document | ShadowRoot;
        const index = buttons.indexOf(root.activeElement as HTMLButtonElement);
        if (index < 0) return;
        let next = -1;
        if (e.key === "ArrowDown") next = (index + 1) % buttons.length;
        else if (e.key === "ArrowUp") next = (index - 1 + buttons.length) % buttons.length;
        else if (e.key === "Home") next = 0;
        else if (e.key === "End") next = buttons.length - 1;
        if (next < 0) return;
        e.preventDefault();
        buttons[next].focus();
    }
}
